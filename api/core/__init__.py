"""Cross-cutting service plumbing: settings, security headers and identity, rate limits,
logging, error messages."""
