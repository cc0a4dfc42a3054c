"""The PDF plan's parts: fonts and styles, page furniture, and one module per section."""
