/* A document as a STIX 2.1 bundle: actors as the domain objects their
 * kinds map to, links as relationships (with opinions for who agrees and
 * who disputes), sources as reports, TLP 2.0 markings as the OASIS
 * marking definitions; the mapping is graphs/README.md's "STIX" table.
 * Ids are the records' stix_id, else UUIDv5 names (SHA-1 by nettle) of
 * the document and the record; timestamps come from SOURCE_DATE_EPOCH,
 * never the clock: the same document gives the same bytes. No state. */
#include "export.h"
#include "files.h"

#include "cite.h"
#include "grade.h"
#include "escape.h"

#include <nettle/sha1.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The namespace of relgraph's UUIDv5 names (RFC 9562, section 5.5). */
static const unsigned char rg_namespace[16] = {
    0xc3, 0x15, 0x0f, 0xcb, 0x36, 0x75, 0x41, 0xac,
    0x88, 0x94, 0xc6, 0x59, 0x71, 0x00, 0x03, 0x1f};

/* The TLP 2.0 marking definitions of the OASIS TLP extension, by level
 * (rg_actor's tlp): fixed ids that every STIX consumer knows. */
static const struct {
    const char *level, *id, *name;
} tlps[] = {
    {"clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
     "TLP:CLEAR"},
    {"green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
     "TLP:GREEN"},
    {"amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
     "TLP:AMBER"},
    {"amber+strict",
     "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
     "TLP:AMBER+STRICT"},
    {"red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
     "TLP:RED"},
};
#define N_TLPS (sizeof(tlps) / sizeof(tlps[0]))
#define TLP_EXTENSION \
    "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"

/* Actor kinds and the STIX type each is written as; identities with
 * their class. Kinds not listed (other, document, custom kinds) are
 * identities of class "unknown". */
static const struct {
    const char *kind, *type, *identity_class;
} kinds[] = {
    {"group", "intrusion-set", NULL},
    {"person", "identity", "individual"},
    {"organization", "identity", "organization"},
    {"company", "identity", "organization"},
    {"agency", "identity", "organization"},
    {"state", "identity", "organization"},
    {"system", "identity", "system"},
    {"location", "location", NULL},
    {"event", "incident", NULL},
    {"campaign", "campaign", NULL},
    {"malware", "malware", NULL},
    {"tool", "tool", NULL},
    {"attack-pattern", "attack-pattern", NULL},
    {"vulnerability", "vulnerability", NULL},
    {"infrastructure", "infrastructure", NULL},
    {"mitigation", "course-of-action", NULL},
    /* STIX needs what relgraph does not hold: a pattern, the observed
     * objects. Left out, with a note. */
    {"indicator", NULL, NULL},
    {"observation", NULL, NULL},
};

/* The types whose objects have aliases, first_seen and last_seen. */
static const char *const seen_types[] = {
    "intrusion-set", "threat-actor", "campaign", "malware",
    "infrastructure"};

/* Relationship types of STIX 2.1's vocabulary that a link's kind or
 * label ("attributed to", "Uses") names. */
static const char *const rel_types[] = {
    "uses", "attributed-to", "targets", "located-at", "indicates",
    "mitigates", "variant-of", "impersonates", "compromises", "delivers",
    "authored-by", "owns", "hosts", "communicates-with", "consists-of",
    "controls", "exploits", "has", "beacons-to", "exfiltrates-to",
    "downloads", "drops", "originates-from", "investigates", "remediates",
    "derived-from", "duplicate-of", "related-to"};

#define N(a) (sizeof(a) / sizeof((a)[0]))

typedef struct stix {
    rg_buf *b;
    const rg_doc *d;
    rg_buf *notes;
    const char *key;      /* the document's title, else its file's name */
    char when[32];        /* created and modified */
    char **actor_ids;     /* per actor; NULL: left out */
    char **ident_ids;     /* per actor: its identity, for claims */
    char **link_ids;      /* per link; NULL: left out */
    size_t *said;         /* per actor: the last opinion it gave (stamp) */
    unsigned tlp_used;    /* bit i: tlps[i] */
    rg_buf tmp;
} stix;

/* "type--" and the UUIDv5 of "relgraph", the document's key, and the
 * parts given, separated by newlines (malloc'd). */
static char *derive_id(const stix *s, const char *type, const char *what,
                       const char *a, const char *b)
{
    struct sha1_ctx ctx;
    uint8_t h[SHA1_DIGEST_SIZE];
    sha1_init(&ctx);
    sha1_update(&ctx, sizeof(rg_namespace), rg_namespace);
    const char *parts[] = {"relgraph\n", s->key, "\n", what, "\n", a,
                           b ? "\n" : "", b ? b : ""};
    for (size_t i = 0; i < N(parts); i++)
        sha1_update(&ctx, strlen(parts[i]), (const uint8_t *)parts[i]);
    sha1_digest(&ctx, sizeof(h), h);
    h[6] = (uint8_t)((h[6] & 0x0f) | 0x50); /* version 5 */
    h[8] = (uint8_t)((h[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    return rg__asprintf("%s--%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                        "%02x%02x%02x%02x%02x%02x", type, h[0], h[1], h[2],
                        h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10],
                        h[11], h[12], h[13], h[14], h[15]);
}

/* The record's stix_id when it is of this type, else a derived id. */
static char *record_id(const stix *s, const char *stix_id, const char *type,
                       const char *what, const char *id)
{
    size_t n = strlen(type);
    if (stix_id != NULL && strncmp(stix_id, type, n) == 0 &&
        strncmp(stix_id + n, "--", 2) == 0)
        return strdup(stix_id);
    return derive_id(s, type, what, id, NULL);
}

/* The STIX type of an actor (NULL: left out) and its identity class. */
static const char *actor_type(const rg_actor *a, const char **cls)
{
    *cls = "unknown";
    /* an id imported from a threat actor stays one */
    if (a->stix_id != NULL && strncmp(a->stix_id, "threat-actor--", 14) == 0)
        return "threat-actor";
    for (size_t i = 0; i < N(kinds); i++)
        if (strcmp(kinds[i].kind, a->kind) == 0) {
            *cls = kinds[i].identity_class;
            return kinds[i].type;
        }
    return "identity";
}

/* ---- members ---- */

static void key(stix *s, const char *name)
{
    rg_buf__puts(s->b, ", ");
    rg_escape__json(s->b, name);
    rg_buf__puts(s->b, ": ");
}

static void str(stix *s, const char *name, const char *value)
{
    if (value == NULL)
        return;
    key(s, name);
    rg_escape__json(s->b, value);
}

/* An Admiralty credibility, when graded. */
static void grade(stix *s, const char *name, int credibility)
{
    if (credibility > 0) {
        key(s, name);
        rg_buf__printf(s->b, "%d", credibility);
    }
}

/* The confidence the document gives, or else the one the STIX 2.1
 * appendix gives its credibility (1: 90 ... 5: 10; 6 and none: -1). */
static int grade_confidence(int confidence, int credibility)
{
    return confidence >= 0 ? confidence : rg_grade__confidence(credibility);
}

static void list(stix *s, const char *name, const rg_strv *v)
{
    if (v->n == 0)
        return;
    key(s, name);
    for (size_t i = 0; i < v->n; i++) {
        rg_buf__puts(s->b, i ? ", " : "[");
        rg_escape__json(s->b, v->v[i]);
    }
    rg_buf__putc(s->b, ']');
}

/* A document date as a STIX timestamp: its first day at midnight, or
 * with `end` its last day's last millisecond. */
static void timestamp(stix *s, const char *name, const char *date, int end)
{
    char day[11];
    if (date == NULL)
        return;
    key(s, name);
    rg_buf__printf(s->b, "\"%sT%sZ\"", rg_export__day(day, date, end),
                   end ? "23:59:59.999" : "00:00:00.000");
}

static void begin(stix *s, const char *type, const char *id)
{
    rg_buf__puts(s->b, ",\n    {\"type\": ");
    rg_escape__json(s->b, type);
    rg_buf__puts(s->b, ", \"spec_version\": \"2.1\"");
    str(s, "id", id);
    str(s, "created", s->when);
    str(s, "modified", s->when);
}

/* The confidence when known; object_marking_refs for the record's TLP,
 * else the document's. */
static void confidence_marking(stix *s, const char *tlp, int confidence)
{
    if (confidence >= 0) {
        key(s, "confidence");
        rg_buf__printf(s->b, "%d", confidence);
    }
    if (tlp == NULL)
        tlp = s->d->tlp;
    for (size_t i = 0; tlp != NULL && i < N_TLPS; i++)
        if (strcmp(tlps[i].level, tlp) == 0) {
            s->tlp_used |= 1u << i;
            key(s, "object_marking_refs");
            rg_buf__printf(s->b, "[\"%s\"]", tlps[i].id);
        }
}

static void external_url(stix *s, const char *source_name, const char *url)
{
    if (url == NULL)
        return;
    key(s, "external_references");
    rg_buf__puts(s->b, "[{\"source_name\": ");
    rg_escape__json(s->b, source_name);
    rg_buf__puts(s->b, ", \"url\": ");
    rg_escape__json(s->b, url);
    rg_buf__puts(s->b, "}]");
}

/* ---- actors ---- */

static int has_seen(const char *type)
{
    for (size_t i = 0; i < N(seen_types); i++)
        if (strcmp(seen_types[i], type) == 0)
            return 1;
    return 0;
}

static void actor(stix *s, size_t i)
{
    const rg_actor *a = &s->d->actors[i];
    const char *cls, *type = actor_type(a, &cls);
    begin(s, type, s->actor_ids[i]);
    str(s, "name", a->name);
    str(s, "description", a->note);
    if (strcmp(type, "identity") == 0)
        str(s, "identity_class", cls);
    if (strcmp(type, "location") == 0)
        str(s, "region", "unknown"); /* STIX needs one; open vocabulary */
    if (strcmp(type, "malware") == 0)
        rg_buf__puts(s->b, ", \"is_family\": true");
    if (has_seen(type)) {
        list(s, "aliases", &a->aliases);
        timestamp(s, "first_seen", a->date, 0);
        timestamp(s, "last_seen", a->until, 1);
    } else {
        list(s, "x_relgraph_aliases", &a->aliases);
    }
    list(s, "labels", &a->tags);
    external_url(s, "relgraph", a->url);
    confidence_marking(s, a->tlp, grade_confidence(a->confidence,
                                                   a->credibility));
    grade(s, "x_relgraph_credibility", a->credibility);
    str(s, "x_relgraph_id", a->id);
    str(s, "x_relgraph_kind", a->kind);
    str(s, "x_relgraph_group", a->group);
    str(s, "x_relgraph_date", a->date);
    str(s, "x_relgraph_until", a->until);
    rg_buf__putc(s->b, '}');
}

/* An identity for each claimant or disputant that is not one, so that a
 * claim's created_by_ref and an opinion's author are identities. */
static void claimant_identity(stix *s, size_t i)
{
    const rg_actor *a = &s->d->actors[i];
    const char *cls;
    if (s->ident_ids[i] != NULL || s->actor_ids[i] == NULL)
        return;
    if (strcmp(actor_type(a, &cls), "identity") == 0) {
        s->ident_ids[i] = strdup(s->actor_ids[i]);
        return;
    }
    s->ident_ids[i] = derive_id(s, "identity", "identity of actor", a->id,
                                NULL);
    if (s->ident_ids[i] == NULL)
        return;
    begin(s, "identity", s->ident_ids[i]);
    str(s, "name", a->name);
    str(s, "identity_class", "unknown");
    confidence_marking(s, a->tlp, -1);
    str(s, "x_relgraph_id", a->id);
    rg_buf__putc(s->b, '}');
}

/* ---- links ---- */

/* The vocabulary's type that the link's kind or label names, or NULL. */
static const char *rel_type(stix *s, const rg_link *k)
{
    const char *names[] = {k->kind, k->label};
    for (size_t n = 0; n < 2; n++) {
        if (names[n] == NULL)
            continue;
        rg_buf__reset(&s->tmp);
        for (const char *c = names[n]; *c; c++)
            rg_buf__putc(&s->tmp, *c == ' ' || *c == '_' ? '-'
                                  : *c >= 'A' && *c <= 'Z' ? (char)(*c + 32)
                                                           : *c);
        for (size_t i = 0; i < N(rel_types); i++)
            if (strcmp(rel_types[i], rg_buf__str(&s->tmp)) == 0)
                return rel_types[i];
    }
    /* A relationship read from STIX keeps its type when it is outside the
     * vocabulary (ATT&CK's "subtechnique-of", "detects"): STIX allows any
     * type of a-z, 0-9 and '-'. */
    if (k->kind == NULL || k->stix_id == NULL ||
        strncmp(k->stix_id, "relationship--", 14) != 0 || k->kind[0] == 0 ||
        strspn(k->kind, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
            strlen(k->kind))
        return NULL;
    return k->kind;
}

static void opinion(stix *s, size_t li, size_t who, const char *what)
{
    const rg_doc *d = s->d;
    /* An actor left out says nothing; one named twice in a claim (or as
     * its creator and again) says it once: an opinion's id is made of
     * the link, the word and the actor. */
    size_t stamp = 2 * li + (what[0] == 'd');
    if (s->ident_ids[who] == NULL || s->said[who] == stamp)
        return;
    s->said[who] = stamp;
    char *id = derive_id(s, "opinion", what, s->link_ids[li],
                         d->actors[who].id);
    if (id == NULL) {
        s->b->oom = 1;
        return;
    }
    begin(s, "opinion", id);
    str(s, "created_by_ref", s->ident_ids[who]);
    str(s, "opinion", what);
    key(s, "object_refs");
    rg_buf__printf(s->b, "[\"%s\"]", s->link_ids[li]);
    confidence_marking(s, d->links[li].tlp, -1);
    rg_buf__putc(s->b, '}');
    free(id);
}

static void relationship(stix *s, size_t i)
{
    const rg_link *k = &s->d->links[i];
    const char *type = rel_type(s, k);
    begin(s, "relationship", s->link_ids[i]);
    str(s, "relationship_type", type ? type : "related-to");
    /* the source's own words when the link quotes them (an imported
     * relationship's description), else the label */
    str(s, "description", k->quote ? k->quote : k->label);
    str(s, "source_ref", s->actor_ids[k->from_index]);
    str(s, "target_ref", s->actor_ids[k->to_index]);
    timestamp(s, "start_time", k->date, 0);
    timestamp(s, "stop_time", k->until, 1);
    if (k->claimed_by.n > 0)
        str(s, "created_by_ref", s->ident_ids[k->claimed_by_index[0]]);
    external_url(s, "relgraph", k->url);
    confidence_marking(s, k->tlp, grade_confidence(k->confidence,
                                                   k->credibility));
    grade(s, "x_relgraph_credibility", k->credibility);
    str(s, "x_relgraph_label", k->label);
    str(s, "x_relgraph_kind", k->kind);
    str(s, "x_relgraph_status", rg_status_name(k->status));
    key(s, "x_relgraph_directed");
    rg_buf__puts(s->b, k->directed ? "true" : "false");
    str(s, "x_relgraph_quote", k->quote);
    str(s, "x_relgraph_date", k->date);
    str(s, "x_relgraph_until", k->until);
    rg_buf__putc(s->b, '}');
    if (k->claimed_by.n > 0)  /* the creator agrees already */
        s->said[k->claimed_by_index[0]] = 2 * i;
    for (size_t c = 1; c < k->claimed_by.n; c++)
        opinion(s, i, k->claimed_by_index[c], "agree");
    for (size_t c = 0; c < k->disputed_by.n; c++)
        opinion(s, i, k->disputed_by_index[c], "disagree");
}

/* ---- sources ---- */

/* The report of source si, its object_refs what cites it, from
 * `refs` ("\"id\", \"id\""). */
static void report(stix *s, size_t si, const rg_buf *refs)
{
    const rg_source *src = &s->d->sources[si];
    char *id = record_id(s, src->stix_id, "report", "source", src->id);
    if (id == NULL) {
        s->b->oom = 1;
        return;
    }
    begin(s, "report", id);
    str(s, "name", src->title ? src->title : src->id);
    if (src->date != NULL)
        timestamp(s, "published", src->date, 0);
    else
        str(s, "published", s->when);
    key(s, "object_refs");
    rg_buf__putc(s->b, '[');
    rg_buf__putn(s->b, refs->data, refs->len);
    rg_buf__putc(s->b, ']');
    /* STIX reserves "cve" and "capec" for references with their ids, which
     * a source does not hold (x_relgraph_publisher keeps the name) */
    int reserved = src->publisher && (strcmp(src->publisher, "cve") == 0 ||
                                      strcmp(src->publisher, "capec") == 0);
    external_url(s, src->publisher && !reserved ? src->publisher : "relgraph",
                 src->url);
    confidence_marking(s, src->tlp, -1);
    str(s, "x_relgraph_id", src->id);
    str(s, "x_relgraph_publisher", src->publisher);
    /* a letter: STIX has no number for a source's reliability */
    str(s, "x_relgraph_reliability", src->reliability);
    str(s, "x_relgraph_date", src->date);
    rg_buf__putc(s->b, '}');
    free(id);
}

/* Adds record id `id` to the refs of each source in `v`, once: `last`
 * holds, for each source, the record that cited it last (`stamp`). */
static void cite(rg_buf *refs, size_t *last, size_t stamp, const rg_cite *c,
                 const rg_doc *d, const rg_strv *v, const char *id)
{
    for (size_t j = 0; id != NULL && j < v->n; j++) {
        long si = rg_cite__find(c, d, v->v[j]);
        if (si < 0 || last[si] == stamp)
            continue;
        last[si] = stamp;
        if (refs[si].len > 0)
            rg_buf__puts(&refs[si], ", ");
        rg_escape__json(&refs[si], id);
    }
}

/* A report for each source that something exported cites. */
static void reports(stix *s, const rg_cite *c)
{
    const rg_doc *d = s->d;
    rg_buf *refs = calloc(d->n_sources + 1, sizeof(*refs));
    size_t *last = malloc((d->n_sources + 1) * sizeof(*last));
    if (refs == NULL || last == NULL) {
        free(refs);
        free(last);
        s->b->oom = 1;
        return;
    }
    for (size_t i = 0; i < d->n_sources; i++) {
        refs[i].max = s->b->max;  /* each list within the output's bound */
        last[i] = SIZE_MAX;
    }
    for (size_t i = 0; i < d->n_actors; i++)
        cite(refs, last, i, c, d, &d->actors[i].source, s->actor_ids[i]);
    for (size_t i = 0; i < d->n_links; i++)
        cite(refs, last, d->n_actors + i, c, d, &d->links[i].source,
             s->link_ids[i]);
    for (size_t i = 0; i < d->n_sources; i++) {
        if (refs[i].oom) {
            s->b->oom = 1;
            s->b->over |= refs[i].over;
        } else if (refs[i].len > 0 && !s->b->oom)
            report(s, i, &refs[i]);
        rg_buf__free(&refs[i]);
    }
    free(refs);
    free(last);
}

static void markings(stix *s)
{
    for (size_t i = 0; i < N_TLPS; i++) {
        if (!(s->tlp_used & (1u << i)))
            continue;
        rg_buf__printf(s->b, ",\n    {\"type\": \"marking-definition\", "
                             "\"spec_version\": \"2.1\", \"id\": \"%s\", "
                             "\"created\": \"2022-10-01T00:00:00.000Z\", "
                             "\"name\": \"%s\", \"extensions\": {\""
                             TLP_EXTENSION "\": {\"extension_type\": "
                             "\"property-extension\", \"tlp_2_0\": \"%s\"}}}",
                       tlps[i].id, tlps[i].name, tlps[i].level);
    }
}

/* ---- ids ---- */

/* A link as its id is derived: its ends, its label, its place. */
typedef struct link_key {
    size_t from, to, i;
    const char *label;
} link_key;

static int by_ends(const void *x, const void *y)
{
    const link_key *a = x, *b = y;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    int c = strcmp(a->label, b->label);
    return c != 0 ? c : a->i == b->i ? 0 : a->i < b->i ? -1 : 1;
}

/* Each link's id: its stix_id, else derived from its ends' ids, its
 * label, and which of the links with the same three it is (1, 2...),
 * so that moving links in the document keeps their ids. */
static int link_ids(stix *s)
{
    const rg_doc *d = s->d;
    link_key *order = malloc((d->n_links ? d->n_links : 1) * sizeof(*order));
    if (order == NULL)
        return -1;
    for (size_t i = 0; i < d->n_links; i++) {
        const rg_link *k = &d->links[i];
        order[i] = (link_key){k->from_index, k->to_index, i,
                              k->label ? k->label : ""};
    }
    qsort(order, d->n_links, sizeof(*order), by_ends);
    size_t nth = 0;
    for (size_t r = 0; r < d->n_links; r++) {
        const link_key *k = &order[r];
        nth = r > 0 && by_ends(&(link_key){k->from, k->to, 0, k->label},
                               &(link_key){order[r - 1].from, order[r - 1].to,
                                           0, order[r - 1].label}) == 0
                  ? nth + 1 : 1;
        if (!s->actor_ids[k->from] || !s->actor_ids[k->to])
            continue;
        rg_buf__reset(&s->tmp);
        rg_buf__printf(&s->tmp, "%s\n%s\n%s\n%zu", d->actors[k->from].id,
                       d->actors[k->to].id, k->label, nth);
        s->link_ids[k->i] = record_id(s, d->links[k->i].stix_id,
                                      "relationship", "link",
                                      rg_buf__str(&s->tmp));
        if (s->link_ids[k->i] == NULL || s->tmp.oom)
            break;
    }
    free(order);
    return s->tmp.oom ? -1 : 0;
}

/* Each actor's id (NULL for kinds left out); a note on how many. */
static int actor_ids(stix *s)
{
    const rg_doc *d = s->d;
    size_t out = 0;
    for (size_t i = 0; i < d->n_actors; i++) {
        const rg_actor *a = &d->actors[i];
        const char *cls, *type = actor_type(a, &cls);
        if (type == NULL) {
            out++;
            continue;
        }
        if ((s->actor_ids[i] = record_id(s, a->stix_id, type, "actor",
                                         a->id)) == NULL)
            return -1;
    }
    if (out > 0 && s->notes != NULL)
        rg_buf__printf(s->notes, "STIX: %zu indicator or observed-data "
                                 "actor%s left out, with their links: STIX "
                                 "needs a pattern or the observed objects, "
                                 "which a relgraph document does not hold\n",
                       out, out == 1 ? "" : "s");
    return 0;
}

/* ---- the bundle ---- */

static void when(stix *s)
{
    long long v;
    time_t t = rg_source_date_epoch(&v) == 0 ? (time_t)v : 0;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL ||
        strftime(s->when, sizeof(s->when), "%Y-%m-%dT%H:%M:%S.000Z", &tm) == 0)
        strcpy(s->when, "1970-01-01T00:00:00.000Z");
}

static void objects(stix *s, const rg_cite *c)
{
    const rg_doc *d = s->d;
    for (size_t i = 0; i < d->n_actors && !s->b->oom; i++)
        if (s->actor_ids[i] != NULL)
            actor(s, i);
    for (size_t i = 0; i < d->n_links && !s->b->oom; i++) {
        const rg_link *k = &d->links[i];
        if (s->link_ids[i] == NULL)
            continue;
        for (size_t j = 0; j < k->claimed_by.n; j++)
            claimant_identity(s, k->claimed_by_index[j]);
        for (size_t j = 0; j < k->disputed_by.n; j++)
            claimant_identity(s, k->disputed_by_index[j]);
    }
    for (size_t i = 0; i < d->n_links && !s->b->oom; i++)
        if (s->link_ids[i] != NULL)
            relationship(s, i);
    reports(s, c);
    markings(s);
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; ids != NULL && i < n; i++)
        free(ids[i]);
    free(ids);
}

void rg_export__stix(rg_buf *b, const rg_doc *d, rg_buf *notes)
{
    stix s = {b, d, notes, NULL, "", NULL, NULL, NULL, NULL, 0, {0}};
    s.key = d->title ? d->title : rg_files__base(d->file);
    when(&s);
    rg_cite c;
    int ok = rg_cite__init(&c, d) == 0;
    /* A view's claimants past its drawn actors (n_named_only) have
     * slots too: none of their own objects, so no identity. */
    size_t all = d->n_actors + d->n_named_only;
    s.actor_ids = calloc(all + 1, sizeof(char *));
    s.ident_ids = calloc(all + 1, sizeof(char *));
    s.link_ids = calloc(d->n_links + 1, sizeof(char *));
    s.said = malloc((all + 1) * sizeof(*s.said));
    for (size_t i = 0; s.said != NULL && i < all; i++)
        s.said[i] = SIZE_MAX;
    ok = ok && s.actor_ids && s.ident_ids && s.link_ids && s.said &&
         actor_ids(&s) == 0 && link_ids(&s) == 0;
    if (ok) {
        char *bundle = derive_id(&s, "bundle", "bundle", "", NULL);
        rg_buf__puts(b, "{\"type\": \"bundle\", \"id\": ");
        rg_escape__json(b, bundle ? bundle : "");
        /* every object starts with ",\n": the first one's comma goes */
        rg_buf__puts(b, ", \"objects\": [");
        size_t mark = b->len;
        objects(&s, &c);
        if (!b->oom && b->len > mark)
            memmove(b->data + mark, b->data + mark + 1, b->len - mark);
        b->len -= !b->oom && b->len > mark;
        /* STIX 2.1: a bundle's "objects", when there, holds at least one */
        int none = !b->oom && b->len == mark;
        if (none)
            b->len -= strlen(", \"objects\": [");
        rg_buf__puts(b, none ? "}\n" : "\n]}\n");
        ok = bundle != NULL;
        free(bundle);
    }
    if (!ok || s.tmp.oom)
        b->oom = 1;
    free_ids(s.actor_ids, all);
    free_ids(s.ident_ids, all);
    free_ids(s.link_ids, d->n_links);
    free(s.said);
    rg_cite__free(&c);
    rg_buf__free(&s.tmp);
}
