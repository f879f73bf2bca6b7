package io.handbill.render.bench;

import io.handbill.model.AgendaItem;
import io.handbill.model.Event;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same events as a Hugo site: one Markdown page each (front matter, description, agenda table, talks, speakers,
 * venue, tickets) and small layouts for the page, the paginated home page, RSS and sitemap (Hugo's defaults).
 */
final class HugoSite {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private HugoSite() {
    }

    static void write(Path dir, List<Event> events) throws IOException {
        Files.createDirectories(dir.resolve("content/events"));
        Files.createDirectories(dir.resolve("layouts/_default"));
        Files.writeString(dir.resolve("config.toml"), """
                baseURL = "https://events.example.org/"
                languageCode = "en-gb"
                title = "Leeds DevOps"
                paginate = 25
                disableKinds = ["taxonomy", "term"]
                """);
        Files.writeString(dir.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
                <link rel="canonical" href="{{ .Permalink }}"><meta property="og:title" content="{{ .Title }}">
                <meta name="description" content="{{ .Summary | plainify }}"></head>
                <body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main>
                <footer>{{ .Site.Title }}</footer></body></html>
                """);
        Files.writeString(dir.resolve("layouts/_default/single.html"), """
                {{ define "main" }}<article><h1>{{ .Title }}</h1>
                <p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "Monday 2 January 2006, 15:04" }}</time></p>
                <p>{{ .Params.venue }}</p>{{ .Content }}
                <ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}
                """);
        Files.writeString(dir.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}
                <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "Mon 2 Jan 2006" }}</li>{{ end }}</ol>
                {{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}{{ end }}
                """);
        Files.writeString(dir.resolve("layouts/index.html"), """
                {{ define "main" }}<h1>{{ .Site.Title }} events</h1>
                {{ $paginator := .Paginate (where .Site.RegularPages "Section" "events").ByDate.Reverse }}
                {{ range $paginator.Pages.GroupByDate "2006" }}<h2>{{ .Key }}</h2><ol>{{ range .Pages }}
                <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "Mon 2 Jan 2006" }}</li>{{ end }}</ol>{{ end }}
                {{ with $paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}{{ end }}
                """);
        for (Event e : events) {
            Files.writeString(dir.resolve("content/events/" + e.slug() + ".md"), page(e));
        }
    }

    private static String page(Event e) {
        StringBuilder md = new StringBuilder();
        md.append("+++\n")
                .append("title = ").append(quote(e.title())).append('\n')
                .append("date = ").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tomlDate(e))).append('\n')
                .append("description = ").append(quote(e.summary())).append('\n')
                .append("venue = ").append(quote(e.venue().name() + ", " + e.venue().city())).append('\n')
                .append("tags = [").append(e.tags().stream().map(HugoSite::quote).collect(Collectors.joining(", ")))
                .append("]\n")
                .append("aliases = [").append(e.aliases().stream().map(HugoSite::quote)
                        .collect(Collectors.joining(", "))).append("]\n")
                .append("+++\n\n")
                .append(e.description()).append("\n\n## Agenda\n\n| Time | What |\n|---|---|\n");
        for (AgendaItem a : e.agenda()) {
            md.append("| ").append(TIME.format(a.start())).append(" – ")
                    .append(a.end() == null ? "late" : TIME.format(a.end())).append(" | ").append(a.title())
                    .append(" |\n");
        }
        md.append("\n## Talks\n\n");
        for (Talk t : e.talks()) {
            md.append("### ").append(t.title()).append("\n\n").append(t.summary()).append("\n\n");
            for (String id : t.speakerIds()) {
                Speaker s = e.speaker(id);
                md.append("#### [").append(s.name()).append("](").append(s.url()).append(")\n\n")
                        .append(s.role()).append(", ").append(s.organisation()).append("\n\n").append(s.bio())
                        .append("\n\n");
            }
        }
        md.append("## Venue\n\n").append(e.venue().name()).append("  \n")
                .append(String.join("  \n", e.venue().addressLines())).append("\n\n")
                .append(e.venue().accessNotes()).append("\n\n## Tickets\n\n");
        for (TicketLink t : e.tickets()) {
            md.append("- [").append(t.label()).append("](").append(t.url()).append(") free\n");
        }
        md.append("\n[Code of conduct](").append(e.codeOfConductUrl()).append(")\n");
        return md.toString();
    }

    /** TOML offsets are whole minutes: before 1847 London kept local mean time (-00:01:15), so those go in UTC. */
    private static ZonedDateTime tomlDate(Event e) {
        ZonedDateTime start = e.zonedStart();
        return start.getOffset().getTotalSeconds() % 60 == 0 ? start : start.withZoneSameInstant(ZoneOffset.UTC);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
