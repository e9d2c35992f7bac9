package io.leasebridge.connectors.leaseworks;

/**
 * Record keys seen in one file, as 64-bit hashes, each with a 32-bit hash of its content and the line
 * it was first seen on: about 16 bytes a row, so a million-row export is checked in a few dozen MB
 * instead of keeping its keys as strings.
 */
final class KeyTable {

    private static final long EMPTY = 0L;

    private long[] keys = new long[1 << 12];
    private int[] contents = new int[keys.length];
    private long[] lines = new long[keys.length];
    private int size;

    /** The line the key was first seen on with other content, 0 when it is new or the content is the same. */
    long putIfSame(long key, int content, long line) {
        long k = key == EMPTY ? 1 : key;
        int slot = slot(k);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == k) {
                return contents[slot] == content ? 0 : lines[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = k;
        contents[slot] = content;
        lines[slot] = line;
        if (++size * 10 > keys.length * 6) {
            grow();
        }
        return 0;
    }

    /** The content the key was first seen with; the key must have been put. */
    int contentOf(long key) {
        long k = key == EMPTY ? 1 : key;
        int slot = slot(k);
        while (keys[slot] != k) {
            if (keys[slot] == EMPTY) {
                throw new IllegalArgumentException("a key never put");
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        return contents[slot];
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (keys.length - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldContents = contents;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        contents = new int[keys.length];
        lines = new long[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfSame(oldKeys[i], oldContents[i], oldLines[i]);
            }
        }
    }

    int size() {
        return size;
    }
}
