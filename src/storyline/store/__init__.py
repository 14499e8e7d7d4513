"""DuckDB storage of every record."""
