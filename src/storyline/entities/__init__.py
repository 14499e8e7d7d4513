"""Entity mentions within an article and canonical entities across articles."""
