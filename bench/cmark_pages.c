/* The rendering floor for bench/run.py: libcmark (the library `loa render` uses) over a list of Markdown files,
   one HTML page out per file in, from one process. Front matter between the first two `---` lines is skipped,
   as Loa skips it. Usage: cmark_pages LIST OUTDIR, where LIST holds one path per line. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: cmark_pages LIST OUTDIR\n"); return 64; }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 66; }
    char path[4096], out[8192];
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        size_t len;
        char *text = slurp(path, &len);
        if (!text) { perror(path); return 66; }
        const char *body = text;
        if (strncmp(text, "---\n", 4) == 0) {
            const char *end = strstr(text + 4, "\n---\n");
            if (end) body = end + 5;
        }
        char *html = cmark_markdown_to_html(body, len - (size_t)(body - text), CMARK_OPT_DEFAULT);
        const char *base = strrchr(path, '/');
        snprintf(out, sizeof out, "%s/%s.html", argv[2], base ? base + 1 : path);
        FILE *o = fopen(out, "wb");
        if (!o) { perror(out); return 73; }
        fputs(html, o);
        fclose(o);
        free(html);
        free(text);
    }
    fclose(list);
    return 0;
}
