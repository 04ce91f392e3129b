import CCairo
/// Placeholder until the module lands.
enum _PlaceholderCairoBackend { static func v() -> String { String(cString: cairo_version_string()) + String(cString: pango_version_string()) + String(cString: zlibVersion()) } }
