/// Placeholder until the module lands.
enum _PlaceholderLessons {}
