"""The one place that loads and runs spaCy, plus language identification."""
