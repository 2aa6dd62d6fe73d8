// Placeholder until the notice renderer lands; replace this file.
