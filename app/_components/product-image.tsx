import { categoryVisual, productDecoration, productInitials } from '@/lib/catalog/product-visual';

/**
 * The generated picture of a product: its category's colour and pictogram with the initials of its
 * name, drawn inline (no request, nothing fetched). Decorative — the name is always written next to
 * it — so hidden from assistive technologies. `cover` fills its container whatever its ratio (the
 * drawing stays whole and centred on the background colour) instead of keeping 4:3.
 */
export function ProductImage({
  name,
  categorySlug,
  cover = false,
  className = '',
}: {
  name: string;
  categorySlug: string | null;
  cover?: boolean;
  className?: string;
}) {
  const visual = categoryVisual(categorySlug);
  return (
    <svg
      viewBox="0 0 160 120"
      aria-hidden="true"
      focusable="false"
      className={`block w-full ${cover ? 'h-full' : 'h-auto'} ${className}`}
      style={{ backgroundColor: visual.background }}
    >
      {productDecoration(name).map((d, i) => (
        <circle key={i} cx={d.cx} cy={d.cy} r={d.r} fill={visual.foreground} opacity={i === 0 ? 0.07 : 0.05} />
      ))}
      <text
        x="80"
        y="60"
        textAnchor="middle"
        dominantBaseline="central"
        fontSize="34"
        fontWeight="600"
        letterSpacing="1"
        fill={visual.foreground}
        fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
      >
        {productInitials(name)}
      </text>
      <g transform="translate(126 88) scale(1.1)" fill="none" stroke={visual.foreground} strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" opacity="0.7">
        <path d={visual.pictogram} />
      </g>
    </svg>
  );
}
