package sunshine.shared;

import java.util.List;

/** One page of a list: the items, which page (from 0), its size and the total count. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    /** Page and size as given by a request, kept within sane bounds. */
    public record Request(int page, int size) {
        public Request {
            page = Math.max(0, page);
            size = size <= 0 ? 50 : Math.min(size, 500);
        }

        public int offset() {
            return page * size;
        }
    }
}
