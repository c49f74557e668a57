"""PLACEHOLDER until the proceedings grammar lands."""

def find_actions(ctx, parties, mentions):
    return [], []
