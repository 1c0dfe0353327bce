/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel local builds (one per developer/agent) need their own output directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite and postgres.js must not be bundled (STACK-NOTES trap 1). pdfkit loads its standard-font
  // metrics from its own folder at run time, and Next 16's default list does not include it.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'nodemailer', 'pdfkit'],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
