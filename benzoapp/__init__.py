"""BenzoApp: plan and follow a benzodiazepine taper, privately, on your own machine."""

__version__ = "0.1.0"
APP_NAME = "BenzoApp"
