// Tests run outside Next.js, on the server: lib/'s `import "server-only"` resolves here.
export {};
