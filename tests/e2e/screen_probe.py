#!/usr/bin/env python3
"""screen_probe.py — what the end-to-end test needs to know about a screenshot.

Usage: screen_probe.py line WIDTH HEIGHT RAW_RGB_FILE
         Prints "PAGE_LEFT PAGE_RIGHT LINE_TOP LINE_BOTTOM INK_LEFT INK_RIGHT": where the
         article's first text line is (screen pixels).
       screen_probe.py selection WIDTH HEIGHT RAW_RGB_FILE TOP BOTTOM
         Prints "LEFT RIGHT": the extent of the text selection's blue between rows TOP and
         BOTTOM.
Exits 0 with the answer, or says what it could not find on stderr and exits 1.

Measuring the screen instead of recomputing the editor's layout from its constants keeps
the end-to-end test working when the toolbar, a banner or the page margins change: the
page is the widest run of the paper colour, the first line is the first band of dark ink
on it.
"""
import sys

PAPER = bytes((252, 250, 244))  # text_view.cpp kPaper
MIN_PAGE_RUN = 200              # pixels of paper in a row before it counts as the page


def read_screen(width, height, path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != width * height * 3:
        sys.stderr.write("screen_probe: %d bytes, expected %d\n" % (len(data), width * height * 3))
        return None
    return data


def find_selection(data, width, top, bottom):
    """The selection is translucent blue (text_view.cpp kSelection) over the paper, where
    blue clearly exceeds red; no label colour or ink does that."""
    stride = width * 3
    left, right = width, -1
    for y in range(top, bottom + 1):
        row = data[y * stride:(y + 1) * stride]
        for x in range(width):
            r, b = row[x * 3], row[x * 3 + 2]
            if b - r > 40 and b > 200:
                left = min(left, x)
                right = max(right, x)
    if right < 0:
        sys.stderr.write("screen_probe: no selection between rows %d and %d\n" % (top, bottom))
        return 1
    print(left, right)
    return 0


def main():
    args = sys.argv[1:]
    if len(args) < 4 or args[0] not in ("line", "selection") or (args[0] == "selection" and len(args) != 6):
        sys.stderr.write(__doc__)
        return 2
    width, height = int(args[1]), int(args[2])
    data = read_screen(width, height, args[3])
    if data is None:
        return 1
    if args[0] == "selection":
        return find_selection(data, width, int(args[4]), int(args[5]))
    return find_first_line(data, width, height)


def find_first_line(data, width, height):
    stride = width * 3
    run = PAPER * MIN_PAGE_RUN

    # The first row with a long run of paper: its extent is the page.
    page_top = page_left = page_right = None
    for y in range(height):
        row = data[y * stride:(y + 1) * stride]
        at = row.find(run)
        while at != -1 and at % 3 != 0:  # align to a pixel
            at = row.find(run, at + 1)
        if at == -1:
            continue
        x = at // 3
        end = x
        while end < width and row[end * 3:end * 3 + 3] == PAPER:
            end += 1
        page_top, page_left, page_right = y, x, end - 1
        break
    if page_top is None:
        sys.stderr.write("screen_probe: no page (paper colour) on the screen\n")
        return 1

    def ink_in_row(y):
        row = data[y * stride:(y + 1) * stride]
        xs = []
        for x in range(page_left + 2, page_right - 1):
            r, g, b = row[x * 3], row[x * 3 + 1], row[x * 3 + 2]
            if r + g + b < 330:  # dark ink (anti-aliased edges are lighter and skipped)
                xs.append(x)
        return xs

    line_top = None
    ink_left, ink_right = width, -1
    y = page_top
    while y < height:
        xs = ink_in_row(y)
        if xs:
            if line_top is None:
                line_top = y
            ink_left = min(ink_left, xs[0])
            ink_right = max(ink_right, xs[-1])
        elif line_top is not None:
            break
        y += 1
    if line_top is None:
        sys.stderr.write("screen_probe: no text on the page\n")
        return 1
    print(page_left, page_right, line_top, y - 1, ink_left, ink_right)
    return 0


if __name__ == "__main__":
    sys.exit(main())
