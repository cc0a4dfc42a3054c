"""Developer tools that are not part of the app: the frozen build and its helpers."""
