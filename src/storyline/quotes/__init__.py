"""Quote detection (direct, partial, indirect) and speaker attribution."""
