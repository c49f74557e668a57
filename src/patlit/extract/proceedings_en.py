"""PLACEHOLDER until the en proceedings grammar lands."""

def find_actions(ctx, parties, mentions):
    return [], []
