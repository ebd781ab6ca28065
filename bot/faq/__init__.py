"""FAQ answers: the classifier and keyword search that pick an entry, and the reply built
from it."""
