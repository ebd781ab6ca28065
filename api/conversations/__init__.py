"""Conversations: storage, per-conversation locks, owners, access tokens, and retention (purge)."""
