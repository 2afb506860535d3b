#!/usr/bin/env python3
# draw-demo-photos.py — draws the demo articles' illustrative photos
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The demo needs photos that anyone may redistribute, so they are drawn
# here from simple shapes rather than taken from anywhere. Only the Python
# standard library is used (the PNG encoder is a few lines of zlib).
#
#   python3 data/demo/draw-demo-photos.py data/demo/photos
#
# The output is deterministic: the same script gives the same bytes.

import math
import os
import struct
import sys
import zlib

WIDTH, HEIGHT = 800, 500


class Canvas:
    def __init__(self, width, height, color):
        self.width = width
        self.height = height
        self.pixels = bytearray(bytes(color) * (width * height))

    def hline(self, y, x0, x1, color):
        y = int(y)
        x0 = max(0, int(round(x0)))
        x1 = min(self.width, int(round(x1)))
        if y < 0 or y >= self.height or x1 <= x0:
            return
        start = (y * self.width + x0) * 3
        self.pixels[start:start + (x1 - x0) * 3] = bytes(color) * (x1 - x0)

    def rect(self, x0, y0, x1, y1, color):
        for y in range(int(y0), int(y1)):
            self.hline(y, x0, x1, color)

    def gradient(self, y0, y1, top, bottom):
        span = max(1, y1 - y0 - 1)
        for y in range(y0, y1):
            t = (y - y0) / span
            color = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
            self.hline(y, 0, self.width, color)

    def polygon(self, points, color):
        """Even-odd scanline fill, sampling each row at its centre."""
        ys = [p[1] for p in points]
        for y in range(max(0, int(min(ys))), min(self.height, int(math.ceil(max(ys))))):
            sy = y + 0.5
            xs = []
            for i, (ax, ay) in enumerate(points):
                bx, by = points[(i + 1) % len(points)]
                if (ay <= sy < by) or (by <= sy < ay):
                    xs.append(ax + (sy - ay) * (bx - ax) / (by - ay))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                self.hline(y, xs[i], xs[i + 1], color)

    def circle(self, cx, cy, r, color):
        for y in range(int(cy - r), int(cy + r) + 1):
            dy = y + 0.5 - cy
            if abs(dy) <= r:
                dx = math.sqrt(r * r - dy * dy)
                self.hline(y, cx - dx, cx + dx, color)

    def line(self, x0, y0, x1, y1, width, color):
        length = math.hypot(x1 - x0, y1 - y0) or 1
        nx, ny = -(y1 - y0) / length * width / 2, (x1 - x0) / length * width / 2
        self.polygon([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)],
                     color)

    def save(self, path):
        stride = self.width * 3
        raw = b"".join(b"\x00" + bytes(self.pixels[y * stride:(y + 1) * stride])
                       for y in range(self.height))

        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        with open(path, "wb") as out:
            out.write(b"\x89PNG\r\n\x1a\n")
            out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)))
            out.write(chunk(b"IDAT", zlib.compress(raw, 9)))
            out.write(chunk(b"IEND", b""))


def shade(color, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in color)


def sky_and_ground(canvas, horizon, ground):
    canvas.gradient(0, horizon, (120, 175, 230), (205, 228, 245))
    canvas.gradient(horizon, HEIGHT, ground, shade(ground, 0.75))


def cloud(canvas, x, y, scale):
    for dx, dy, r in ((0, 0, 22), (26, -10, 28), (55, 0, 22), (28, 8, 24)):
        canvas.circle(x + dx * scale, y + dy * scale, r * scale, (250, 250, 252))


def person(canvas, x, y, shirt, height=70):
    """A simple standing figure, feet at (x, y)."""
    canvas.rect(x - 7, y - height * 0.45, x - 1, y, (50, 55, 70))
    canvas.rect(x + 1, y - height * 0.45, x + 7, y, (50, 55, 70))
    canvas.rect(x - 10, y - height * 0.85, x + 10, y - height * 0.42, shirt)
    canvas.circle(x, y - height * 0.95, height * 0.12, (235, 195, 160))
    canvas.circle(x, y - height * 1.0, height * 0.11, (40, 30, 25))
    canvas.rect(x - height * 0.11, y - height * 1.0, x + height * 0.11, y - height * 0.97,
                (40, 30, 25))


def draw_factory():
    canvas = Canvas(WIDTH, HEIGHT, (0, 0, 0))
    sky_and_ground(canvas, 330, (120, 150, 95))
    cloud(canvas, 90, 70, 1.0)
    cloud(canvas, 560, 50, 0.8)
    # Smoke first, so the chimneys stand in front of it.
    for i, (x, top) in enumerate(((560, 120), (640, 140))):
        for k in range(5):
            canvas.circle(x + 18 + k * 22, top - 20 - k * 18, 14 + k * 5, shade((225, 225, 228), 1 - k * 0.03))
    for x, top in ((560, 120), (640, 140)):
        canvas.rect(x, top, x + 36, 330, (150, 85, 70))
        canvas.rect(x, top + 20, x + 36, top + 32, (235, 235, 235))
    # Main hall with a sawtooth roof.
    canvas.rect(120, 200, 700, 360, (200, 205, 210))
    teeth = []
    for i in range(6):
        x = 120 + i * 96.6
        teeth += [(x, 200), (x + 70, 150), (x + 70, 200)]
    canvas.polygon([(120, 200)] + teeth + [(700, 200)], (90, 110, 140))
    for i in range(6):
        x = 120 + i * 96.6
        canvas.polygon([(x + 70, 150), (x + 70, 200), (x + 96.6, 200)], (60, 80, 110))
    for row in range(2):
        for col in range(9):
            canvas.rect(145 + col * 62, 225 + row * 45, 185 + col * 62, 255 + row * 45, (110, 160, 200))
    canvas.rect(360, 300, 460, 360, (85, 90, 100))
    for y in range(305, 360, 8):
        canvas.hline(y, 362, 458, (105, 110, 120))
    # Road and a lorry.
    canvas.polygon([(380, 500), (440, 360), (470, 360), (560, 500)], (95, 95, 100))
    canvas.rect(130, 380, 260, 440, (230, 120, 40))
    canvas.rect(260, 395, 310, 440, (40, 90, 160))
    canvas.rect(272, 402, 302, 418, (170, 210, 235))
    for x in (160, 230, 285):
        canvas.circle(x, 445, 14, (30, 30, 30))
        canvas.circle(x, 445, 6, (150, 150, 150))
    return canvas


def draw_market():
    canvas = Canvas(WIDTH, HEIGHT, (0, 0, 0))
    canvas.gradient(0, 260, (250, 214, 150), (252, 236, 200))
    canvas.gradient(260, HEIGHT, (190, 160, 120), (150, 120, 90))
    stripes = ((200, 40, 45), (245, 245, 240))
    fruit = ((235, 70, 50), (250, 180, 40), (120, 180, 60), (240, 130, 40), (150, 60, 120))
    for s in range(3):
        x0 = 30 + s * 255
        # Posts, awning with stripes and a scalloped edge, counter and goods.
        canvas.rect(x0 + 5, 120, x0 + 13, 420, (110, 80, 50))
        canvas.rect(x0 + 217, 120, x0 + 225, 420, (110, 80, 50))
        for i in range(10):
            color = stripes[i % 2] if s != 1 else ((30, 110, 180), (245, 245, 240))[i % 2]
            canvas.polygon([(x0 + i * 23, 150), (x0 + 10 + i * 21, 90), (x0 + 31 + i * 21, 90),
                            (x0 + 23 + i * 23, 150)], color)
            canvas.circle(x0 + 11.5 + i * 23, 150, 11.5, color)
        canvas.rect(x0, 300, x0 + 230, 330, (160, 110, 70))
        canvas.rect(x0 + 10, 330, x0 + 220, 420, (130, 90, 55))
        for i in range(9):
            for j in range(2):
                canvas.circle(x0 + 25 + i * 23 + j * 11, 292 - j * 16, 11,
                              fruit[(i + j + s * 2) % len(fruit)])
        # Baskets of goods on the counter front.
        canvas.polygon([(x0 + 30, 345), (x0 + 90, 345), (x0 + 82, 395), (x0 + 38, 395)], (200, 160, 90))
        canvas.polygon([(x0 + 130, 345), (x0 + 190, 345), (x0 + 182, 395), (x0 + 138, 395)], (200, 160, 90))
    for x, shirt in ((150, (60, 120, 200)), (330, (220, 90, 110)), (420, (90, 170, 120)),
                     (610, (240, 200, 60)), (700, (120, 90, 180))):
        person(canvas, x, 490, shirt, 110)
    return canvas


def draw_solar():
    canvas = Canvas(WIDTH, HEIGHT, (0, 0, 0))
    sky_and_ground(canvas, 230, (140, 175, 90))
    canvas.circle(680, 80, 42, (255, 225, 110))
    canvas.circle(680, 80, 34, (255, 240, 160))
    cloud(canvas, 120, 60, 0.9)
    # Hills on the horizon.
    canvas.polygon([(0, 230), (120, 180), (260, 220), (420, 170), (600, 215), (800, 185),
                    (800, 232), (0, 232)], (110, 140, 100))
    # Rows of tilted panels, nearer rows larger.
    for row in range(4):
        depth = 0.55 + row * 0.22
        y = 250 + row * 62 * depth
        h = 48 * depth
        for col in range(-1, 7):
            w = 120 * depth
            x = 400 + (col - 3) * (w + 14 * depth) + row * 10
            top = y
            bottom = y + h
            skew = 18 * depth
            canvas.polygon([(x + skew, top), (x + w + skew, top), (x + w, bottom), (x, bottom)],
                           (35, 60, 120))
            for k in range(1, 4):
                t = k / 4
                canvas.line(x + skew + w * t, top, x + w * t, bottom, 1.5, (150, 170, 210))
            for k in range(1, 3):
                t = k / 3
                yy = top + h * t
                canvas.line(x + skew * (1 - t), yy, x + w + skew * (1 - t), yy, 1.5, (150, 170, 210))
            canvas.rect(x + w * 0.45, bottom, x + w * 0.45 + 4 * depth, bottom + 16 * depth,
                        (120, 120, 125))
    return canvas


def draw_hall():
    canvas = Canvas(WIDTH, HEIGHT, (0, 0, 0))
    canvas.gradient(0, 330, (235, 225, 210), (215, 205, 190))
    canvas.gradient(330, HEIGHT, (150, 40, 45), (110, 25, 30))
    # Stage backdrop, banner and the national-colour panel.
    canvas.rect(120, 40, 680, 270, (180, 30, 40))
    canvas.rect(150, 70, 650, 120, (245, 215, 90))
    for i in range(7):
        canvas.rect(175 + i * 66, 88, 225 + i * 66, 102, (190, 40, 45))
    canvas.circle(400, 190, 48, (245, 215, 90))
    star = []
    for k in range(10):
        r = 34 if k % 2 == 0 else 14
        a = -math.pi / 2 + k * math.pi / 5
        star.append((400 + r * math.cos(a), 190 + r * math.sin(a)))
    canvas.polygon(star, (180, 30, 40))
    canvas.rect(80, 270, 720, 300, (120, 70, 40))
    # A speaker behind the podium, flowers on its front.
    person(canvas, 600, 290, (40, 50, 70), 150)
    canvas.polygon([(560, 300), (640, 300), (630, 200), (570, 200)], (140, 85, 50))
    canvas.rect(565, 195, 635, 205, (100, 60, 35))
    for dx, color in ((-18, (250, 200, 60)), (0, (240, 120, 150)), (18, (250, 200, 60))):
        canvas.circle(600 + dx, 250, 11, color)
    # Rows of delegates seen from behind, tables with white cloth.
    for row in range(3):
        y = 360 + row * 48
        canvas.rect(0, y - 8, WIDTH, y + 6, (245, 245, 245))
        for i in range(12):
            x = 30 + i * 66 + (row % 2) * 30
            canvas.rect(x - 20, y + 6, x + 20, y + 44, (50, 60, 85) if (i + row) % 3 else (240, 240, 240))
            canvas.circle(x, y - 14, 15, (35, 28, 25))
    return canvas


def draw_products():
    canvas = Canvas(WIDTH, HEIGHT, (0, 0, 0))
    canvas.gradient(0, HEIGHT, (240, 232, 215), (215, 200, 175))
    labels = ((200, 50, 40), (40, 120, 70), (230, 170, 40), (60, 90, 170), (150, 60, 110))
    for shelf in range(3):
        y = 160 + shelf * 140
        canvas.rect(40, y, 760, y + 14, (140, 95, 60))
        canvas.rect(40, y + 14, 760, y + 22, (110, 75, 45))
        x = 60
        k = shelf
        while x < 720:
            kind = k % 3
            color = labels[k % len(labels)]
            if kind == 0:   # bottle of fish sauce
                canvas.rect(x + 12, y - 110, x + 24, y - 90, (90, 60, 30))
                canvas.rect(x, y - 92, x + 36, y, (170, 110, 50))
                canvas.rect(x, y - 60, x + 36, y - 28, color)
                x += 52
            elif kind == 1:  # jar of honey or bird's nest
                canvas.rect(x, y - 70, x + 56, y, (225, 170, 60))
                canvas.rect(x - 3, y - 82, x + 59, y - 68, color)
                canvas.rect(x + 8, y - 50, x + 48, y - 22, (250, 245, 230))
                x += 72
            else:            # box of dried fruit
                canvas.rect(x, y - 95, x + 70, y, color)
                canvas.rect(x + 10, y - 75, x + 60, y - 35, (250, 245, 230))
                canvas.circle(x + 35, y - 55, 14, (245, 160, 40))
                x += 86
            k += 1
    # OCOP star badges.
    for i, x in enumerate((120, 170, 220)):
        star = []
        for j in range(10):
            r = 20 if j % 2 == 0 else 8
            a = -math.pi / 2 + j * math.pi / 5
            star.append((x + r * math.cos(a), 40 + r * math.sin(a)))
        canvas.polygon(star, (235, 180, 30))
    return canvas


PHOTOS = {
    "nha-may.png": draw_factory,
    "gian-hang.png": draw_market,
    "dien-mat-troi.png": draw_solar,
    "hoi-truong.png": draw_hall,
    "san-pham-ocop.png": draw_products,
}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "photos"
    os.makedirs(directory, exist_ok=True)
    for name, draw in PHOTOS.items():
        draw().save(os.path.join(directory, name))


if __name__ == "__main__":
    main()
