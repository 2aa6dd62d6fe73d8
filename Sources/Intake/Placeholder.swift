// Placeholder; replace.
