import { t } from '@/lib/i18n';
import { HeaderSearchForm } from './header-search-form';

/**
 * The shop's search box (a server component): it picks the texts here and hands them to the client
 * form, so the client bundle carries four strings instead of the whole message catalogue.
 */
export function HeaderSearch({ className = '' }: { className?: string }) {
  const { searchLandmark, searchLabel, searchPlaceholder, searchSubmit } = t.catalog.header;
  return <HeaderSearchForm className={className} labels={{ searchLandmark, searchLabel, searchPlaceholder, searchSubmit }} />;
}
