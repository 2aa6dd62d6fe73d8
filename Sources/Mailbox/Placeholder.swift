// Placeholder until the Maildir and libcurl transports land; replace this file.
