/// `nil` rather than a trap for an index outside the array: token look-ahead and
/// look-behind read past either end all the time.
extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
