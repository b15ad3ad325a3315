package io.modelkit.core.kitfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order yaml.v3 writes map keys in ({@code sorter.go}): a "natural" order where runs of digits
 * compare as numbers and letters sort before other characters, so {@code a2} comes before {@code a10}.
 */
final class YamlKeyOrder {
    static final Comparator<String> NATURAL = (a, b) -> less(a, b) ? -1 : less(b, a) ? 1 : 0;

    private YamlKeyOrder() {
    }

    /** The keys in yaml.v3's order. */
    static List<String> sort(List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        try {
            sorted.sort(NATURAL);
        } catch (IllegalArgumentException inconsistent) {
            insertionSort(sorted); // yaml.v3's order is not always transitive; never fail on it
        }
        return sorted;
    }

    private static void insertionSort(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            for (int j = i; j > 0 && less(keys.get(j), keys.get(j - 1)); j--) {
                String swap = keys.get(j);
                keys.set(j, keys.get(j - 1));
                keys.set(j - 1, swap);
            }
        }
    }

    /** yaml.v3's {@code keyList.Less} for two string keys. */
    static boolean less(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                digits = Character.isDigit(ar[i]);
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
