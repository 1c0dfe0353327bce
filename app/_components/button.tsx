import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-accent-600 text-white hover:bg-accent-700 disabled:bg-accent-600/60',
  secondary: 'border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100',
  danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
  ghost: 'text-neutral-700 hover:bg-neutral-100',
};

export function buttonClass(variant: Variant = 'primary', size: 'sm' | 'md' = 'md'): string {
  const pad = size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-4 py-2 text-sm';
  return `inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed ${pad} ${styles[variant]}`;
}

/** The one button of the app. `pending` disables it and shows the pending label. */
export function Button({
  variant = 'primary',
  size = 'md',
  pending = false,
  pendingLabel,
  children,
  className = '',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: 'sm' | 'md';
  pending?: boolean;
  pendingLabel?: string;
}) {
  return (
    <button
      {...rest}
      disabled={pending || rest.disabled}
      aria-busy={pending || undefined}
      className={`${buttonClass(variant, size)} ${className}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
