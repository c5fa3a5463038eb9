"""Views: pure functions from the store to what a reader looks at."""
