"""Reading news articles and extracting the diplomatic relations they state."""
