package io.tenantgate.screening.engine.index;

import java.util.function.IntConsumer;

/**
 * Hashes of a word and of every word made by deleting up to {@code maxDeletions} of its letters, computed
 * without building the strings (the SymSpell idea): two words within that edit distance share a hash.
 * Collisions only add candidates, which the token similarity then rejects.
 */
final class DeletionHashes {

    private static final int PRIME = 31;

    private DeletionHashes() {
    }

    static void forEach(String word, int maxDeletions, IntConsumer sink) {
        int length = word.length();
        sink.accept(hashSkipping(word, -1, -1));
        if (maxDeletions >= 1) {
            for (int i = 0; i < length; i++) {
                if (i > 0 && word.charAt(i) == word.charAt(i - 1)) {
                    continue; // deleting either of two equal neighbours gives the same word
                }
                sink.accept(hashSkipping(word, i, -1));
                if (maxDeletions >= 2) {
                    for (int j = i + 1; j < length; j++) {
                        if (j > i + 1 && word.charAt(j) == word.charAt(j - 1)) {
                            continue;
                        }
                        sink.accept(hashSkipping(word, i, j));
                    }
                }
            }
        }
    }

    private static int hashSkipping(String word, int first, int second) {
        int hash = 1;
        for (int k = 0; k < word.length(); k++) {
            if (k != first && k != second) {
                hash = hash * PRIME + word.charAt(k);
            }
        }
        return hash;
    }
}
