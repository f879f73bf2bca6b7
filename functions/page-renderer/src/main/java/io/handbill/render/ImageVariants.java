package io.handbill.render;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The resized copies of an uploaded picture: cropped from the centre to the share shape ({@value Picture#WIDTH}:
 * {@value Picture#HEIGHT}) and scaled to a width, as JPEG or PNG like the upload. javax.imageio only: no native code.
 */
final class ImageVariants {
    private static final float JPEG_QUALITY = 0.85f;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ImageVariants() {
    }

    /** @throws IllegalArgumentException when the bytes are not an image javax.imageio reads */
    static byte[] resized(byte[] source, int width, boolean png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(source));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a readable image", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("Not a readable image");
        }
        int height = Math.round(width * (float) Picture.HEIGHT / Picture.WIDTH);
        // the largest centred box of the target shape inside the source
        int cropWidth = Math.min(image.getWidth(), Math.round(image.getHeight() * (float) width / height));
        int cropHeight = Math.min(image.getHeight(), Math.round(cropWidth * (float) height / width));
        int x = (image.getWidth() - cropWidth) / 2;
        int y = (image.getHeight() - cropHeight) / 2;
        BufferedImage out = new BufferedImage(width, height,
                png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, x, y, x + cropWidth, y + cropHeight, null);
        } finally {
            g.dispose();
        }
        return png ? png(out) : jpeg(out);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
