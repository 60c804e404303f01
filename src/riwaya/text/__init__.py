"""Arabic text layer: normalised views with offset maps, sentences, tokens."""
