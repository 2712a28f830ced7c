/// Finding a run of elements in a collection: bytes in a file's head, characters in an
/// HTML source, folded phrases in a text. Generic and inlinable, so each use compiles to
/// a plain loop over its own element type.
public enum Search {
    /// Whether `needle` stands in `hay` at index `i` (`false` for an empty needle).
    @inlinable
    public static func matches<Hay: RandomAccessCollection, Needle: RandomAccessCollection>(
        _ needle: Needle, in hay: Hay, at i: Int, by equal: (Hay.Element, Needle.Element) -> Bool
    ) -> Bool where Hay.Index == Int {
        guard !needle.isEmpty, i >= hay.startIndex, hay.endIndex - i >= needle.count else { return false }
        var k = i
        for n in needle {
            if !equal(hay[k], n) { return false }
            k += 1
        }
        return true
    }

    @inlinable
    public static func matches<Hay: RandomAccessCollection, Needle: RandomAccessCollection>(
        _ needle: Needle, in hay: Hay, at i: Int
    ) -> Bool where Hay.Index == Int, Hay.Element: Equatable, Needle.Element == Hay.Element {
        matches(needle, in: hay, at: i, by: ==)
    }

    /// The first index at or after `start` where `needle` stands in `hay`; `nil` for an empty needle.
    @inlinable
    public static func firstIndex<Hay: RandomAccessCollection, Needle: RandomAccessCollection>(
        of needle: Needle, in hay: Hay, from start: Int? = nil, by equal: (Hay.Element, Needle.Element) -> Bool
    ) -> Int? where Hay.Index == Int {
        guard let first = needle.first else { return nil }
        var i = max(start ?? hay.startIndex, hay.startIndex)
        let last = hay.endIndex - needle.count
        while i <= last {
            if equal(hay[i], first), matches(needle, in: hay, at: i, by: equal) { return i }
            i += 1
        }
        return nil
    }

    @inlinable
    public static func firstIndex<Hay: RandomAccessCollection, Needle: RandomAccessCollection>(
        of needle: Needle, in hay: Hay, from start: Int? = nil
    ) -> Int? where Hay.Index == Int, Hay.Element: Equatable, Needle.Element == Hay.Element {
        firstIndex(of: needle, in: hay, from: start, by: ==)
    }
}
