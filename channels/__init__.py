"""Channel adapters: each turns one way residents reach the landlord into normalised messages."""
