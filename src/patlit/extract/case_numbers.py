"""PLACEHOLDER until the case_numbers extractor lands."""

def extract(ctx):
    return []
