package dev.timeline.engine.state;

import java.util.Arrays;

/**
 * Working memory of one read: a max-heap of merge cursors ordered by the id each points at.
 * A cursor walks either the reader's timeline ring (author {@link #RING}) or one author's chain of
 * tweets. Grows on demand and is reused, so steady-state reads allocate nothing.
 */
final class ReadScratch
{
    static final int RING = -1;

    /** The reader's view of the timeline ring being merged. */
    final RingView ring = new RingView();
    /** Per cursor: the id it points at. */
    long[] ids = new long[16];
    /** Per cursor: the tweet it points at (a ring position for the ring cursor). */
    int[] positions = new int[16];
    /** Per cursor: the author it walks, or {@link #RING}. */
    int[] authors = new int[16];
    private int[] heap = new int[16];
    private int cursors;
    private int size;

    void clear()
    {
        cursors = 0;
        size = 0;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /** Adds a cursor and returns its number. */
    int add(final long id, final int position, final int author)
    {
        if (cursors == ids.length)
        {
            final int length = cursors * 2;
            ids = Arrays.copyOf(ids, length);
            positions = Arrays.copyOf(positions, length);
            authors = Arrays.copyOf(authors, length);
            heap = Arrays.copyOf(heap, length);
        }
        final int cursor = cursors++;
        ids[cursor] = id;
        positions[cursor] = position;
        authors[cursor] = author;
        heap[size] = cursor;
        siftUp(size++);
        return cursor;
    }

    /** The cursor pointing at the largest id. */
    int top()
    {
        return heap[0];
    }

    /** After the top cursor moved to a smaller id, restores the heap order. */
    void topMoved()
    {
        siftDown(0);
    }

    /** Drops the top cursor, which has nothing left. */
    void removeTop()
    {
        heap[0] = heap[--size];
        siftDown(0);
    }

    private void siftUp(final int at)
    {
        int child = at;
        final int cursor = heap[child];
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (ids[heap[parent]] >= ids[cursor])
            {
                break;
            }
            heap[child] = heap[parent];
            child = parent;
        }
        heap[child] = cursor;
    }

    private void siftDown(final int at)
    {
        int parent = at;
        if (size == 0)
        {
            return;
        }
        final int cursor = heap[parent];
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && ids[heap[child + 1]] > ids[heap[child]])
            {
                child++;
            }
            if (ids[cursor] >= ids[heap[child]])
            {
                break;
            }
            heap[parent] = heap[child];
            parent = child;
        }
        heap[parent] = cursor;
    }
}
