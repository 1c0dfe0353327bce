import { centsToInput } from '@/lib/companies/admin-schemas';
import type { AdminCompanyDetail } from '@/lib/companies/admin-service';
import type { CompanyFormValues } from './company-form';

/** A new prospect's form: French defaults. */
export const emptyCompanyValues: CompanyFormValues = {
  legalName: '',
  tradeName: '',
  siren: '',
  siret: '',
  vatNumber: '',
  country: 'FR',
  status: 'prospect',
  paymentTermDays: '30',
  paymentEndOfMonth: false,
  creditLimit: '',
  fiscalYearEndMonth: '12',
  ownerUserId: '',
  allowOffContract: false,
  approvalThreshold: '',
  approvalExpiryDays: '14',
  usesCostCentres: false,
};

/** A stored company as the form's text values. */
export function companyToValues(c: AdminCompanyDetail): CompanyFormValues {
  return {
    legalName: c.legalName,
    tradeName: c.tradeName ?? '',
    siren: c.siren ?? '',
    siret: c.siret ?? '',
    vatNumber: c.vatNumber ?? '',
    country: c.country,
    status: c.status,
    paymentTermDays: String(c.paymentTermDays),
    paymentEndOfMonth: c.paymentEndOfMonth,
    creditLimit: centsToInput(c.creditLimitCents),
    fiscalYearEndMonth: String(c.fiscalYearEndMonth),
    ownerUserId: c.ownerUserId ?? '',
    allowOffContract: c.allowOffContract,
    approvalThreshold: centsToInput(c.approvalThresholdHtCents),
    approvalExpiryDays: String(c.approvalExpiryDays),
    usesCostCentres: c.usesCostCentres,
  };
}
