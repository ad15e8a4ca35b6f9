package org.teiedition.facsimile;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The facsimile test letter (src/test/resources/facsimile/letter.xml) in a folder with its page images, drawn at
 * test time: page 1 a PNG of 800 × 1000 with a dark stroke in each zone's box, page 2 a JPEG and a TIFF of
 * 3000 × 4000 (larger than a page copy may be), and "broken.png", which is no image at all.
 */
final class FacsimileFixture {
    private FacsimileFixture() {
    }

    /** The letter's zones on page 1 (x, y, x2, y2), as in letter.xml. */
    static final int[][] PAGE1_ZONES = {{100, 100, 700, 160}, {100, 200, 700, 260}, {100, 300, 700, 360}};

    static Path letter(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path letter = dir.resolve("letter.xml");
        Files.copy(Path.of("src/test/resources/facsimile/letter.xml"), letter);
        BufferedImage page1 = page(800, 1000, PAGE1_ZONES);
        ImageIO.write(page1, "png", images.resolve("page1.png").toFile());
        BufferedImage page2 = page(3000, 4000, new int[][] {{300, 300, 2700, 500}, {300, 700, 2700, 900}});
        ImageIO.write(page2, "jpeg", images.resolve("page2.jpg").toFile());
        ImageIO.write(page2, "tiff", images.resolve("page2.tif").toFile());
        Files.writeString(images.resolve("broken.png"), "not an image", StandardCharsets.UTF_8);
        return letter;
    }

    /** A page: white, a grey frame, and a line of "writing" (a dark stroke) in each box. */
    static BufferedImage page(int w, int h, int[][] lines) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(0, 0, w - 1, h - 1);
            g.setColor(new Color(30, 30, 60));
            for (int[] l : lines) {
                g.setStroke(new BasicStroke(Math.max(2, (l[3] - l[1]) / 3f)));
                g.drawLine(l[0] + 10, (l[1] + l[3]) / 2, l[2] - 10, (l[1] + l[3]) / 2);
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
