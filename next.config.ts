import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules must stay out of the server bundle.
  serverExternalPackages: ["argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "nodemailer"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
