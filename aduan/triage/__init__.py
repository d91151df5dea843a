"""Triage: from a citizen's text, what the complaint is about and who has authority over it.

text.py turns the text into features (abbreviations written out, Sastrawi stems, the concepts of
lexicon.py); model.py applies the trained weights; suggestions.py turns the model's answer into a
suggestion an officer accepts or corrects; training.py trains on corpus/ and reports the accuracy
on the part held out. Triage suggests and never decides: nothing is classified until someone
accepts it (aduan/core/actions/classification.py).
"""
