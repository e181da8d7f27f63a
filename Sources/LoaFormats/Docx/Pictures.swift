import CRsvg
import Foundation
import LoaCore

/// A picture for a Word document: PNG or JPEG bytes and the size to print it at.
public struct Picture: Sendable {
    public enum Kind: String, Sendable { case png, jpeg }
    public let bytes: [UInt8]
    public let kind: Kind
    /// Its size in pixels, for the proportions.
    public let width: Int, height: Int
}

/// Pictures drawn and read with Debian's libraries: a chart's SVG rasterised by librsvg onto a cairo surface and
/// written as PNG by cairo; an item's image read by gdk-pixbuf (PNG and JPEG kept as they are, other formats
/// turned into PNG). No hand-written rasteriser or encoder.
public enum Pictures {
    /// The SVG drawn at `scale` times its size on white, as PNG; nil when librsvg cannot read it.
    public static func png(svg: String, scale: Double = 2.5) -> Picture? {
        let data = Array(svg.utf8)
        var error: UnsafeMutablePointer<GError>?
        guard let handle = data.withUnsafeBufferPointer({
            rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error)
        }) else {
            g_clear_error(&error)
            return nil
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        rsvg_handle_set_dpi(handle, 96)
        var w = 0.0, h = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) != 0, w > 0, h > 0 else { return nil }
        let width = Int((w * scale).rounded(.up)), height = Int((h * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            return nil
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
        guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
            g_clear_error(&error)
            return nil
        }
        cairo_surface_flush(surface)
        guard let bytes = writePNG(surface) else { return nil }
        return Picture(bytes: bytes, kind: .png, width: width, height: height)
    }

    /// Collects what cairo writes.
    final class Sink { var bytes: [UInt8] = [] }

    static func writePNG(_ surface: OpaquePointer) -> [UInt8]? {
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return withExtendedLifetime(sink) { status == CAIRO_STATUS_SUCCESS ? sink.bytes : nil }
    }

    /// An image file as a picture: PNG and JPEG as they are, any other format gdk-pixbuf reads (GIF, SVG …) as
    /// PNG; nil when it cannot be read.
    public static func file(_ path: String) -> Picture? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var error: UnsafeMutablePointer<GError>?
        guard let pixbuf = gdk_pixbuf_new_from_file(path, &error) else {
            g_clear_error(&error)
            return nil
        }
        defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        let width = Int(gdk_pixbuf_get_width(pixbuf)), height = Int(gdk_pixbuf_get_height(pixbuf))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return Picture(bytes: bytes, kind: .png, width: width, height: height)
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            return Picture(bytes: bytes, kind: .jpeg, width: width, height: height)
        }
        var buffer: UnsafeMutablePointer<gchar>?
        var size: gsize = 0
        guard gdk_pixbuf_save_to_bufferv(pixbuf, &buffer, &size, "png", nil, nil, &error) != 0, let buffer else {
            g_clear_error(&error)
            return nil
        }
        defer { g_free(buffer) }
        let png = [UInt8](UnsafeRawBufferPointer(start: buffer, count: Int(size)))
        return Picture(bytes: png, kind: .png, width: width, height: height)
    }
}
