package org.teiedition.facsimile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reading page images with the JDK's ImageIO (PNG, JPEG, GIF, BMP, TIFF are built in since Java 9) and making the
 * copy a page shows: as it is when it is a PNG or JPEG small enough, otherwise (larger, or a TIFF, BMP, GIF) scaled
 * so that its long side is at most {@link #MAX_SIDE} pixels and written as JPEG (on white, for transparent images).
 */
final class Images {
    /** The long side of a page image in the output: enough to read a manuscript line on a large screen when zoomed. */
    static final int MAX_SIDE = 2400;
    private static final Set<String> WEB_FORMATS = Set.of("png", "jpeg");
    private static final float JPEG_QUALITY = 0.85f;

    private Images() {
    }

    /** Width, height and ImageIO format name of an image file, from its header. */
    record Probe(int width, int height, String format) {
        /** Whether the output copy is made by scaling or re-encoding, rather than copying the file's bytes. */
        boolean converted() {
            return Math.max(width, height) > MAX_SIDE || !WEB_FORMATS.contains(format);
        }

        /** The size of the output copy. */
        int[] outputSize() {
            double f = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
            return new int[] {Math.max(1, (int) Math.round(width * f)), Math.max(1, (int) Math.round(height * f))};
        }
    }

    /** The image's size and format, or an exception whose message says why it cannot be read. */
    static Probe probe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such file");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new IOException("cannot be opened");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("not an image format that can be read (PNG, JPEG, GIF, BMP, TIFF)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Probe(reader.getWidth(0), reader.getHeight(0), reader.getFormatName().toLowerCase(Locale.ROOT));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The file extension of the output copy. */
    static String extension(Probe probe) {
        if (!probe.converted()) return probe.format().equals("jpeg") ? "jpg" : probe.format();
        return "jpg";
    }

    /**
     * The bytes of the output copy: the file itself, or the image decoded, scaled and encoded as JPEG. The file is
     * decoded in every case, so that an image whose header reads but whose data is damaged is reported.
     */
    static byte[] outputCopy(Path file, Probe probe) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new IOException("cannot be decoded");
        if (!probe.converted()) return Files.readAllBytes(file);
        int[] size = probe.outputSize();
        BufferedImage scaled = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            g.drawImage(downHalf(image, size[0]), 0, 0, size[0], size[1], null);
        } finally {
            g.dispose();
        }
        return jpeg(scaled);
    }

    /** Halves the image while it is more than twice the target width: bilinear scaling in one step loses strokes. */
    private static BufferedImage downHalf(BufferedImage image, int targetWidth) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth) {
            int w = current.getWidth() / 2, h = Math.max(1, current.getHeight() / 2);
            BufferedImage half = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = half.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = half;
        }
        return current;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
