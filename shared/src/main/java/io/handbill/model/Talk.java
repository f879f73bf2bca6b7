package io.handbill.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A talk, given by one or more speakers.
 *
 * @param id         short key unique within the event (e.g. {@code kubernetes-networking}), referenced by agenda items
 * @param summary    the talk's abstract, plain text or Markdown; serialised as {@code abstract}
 * @param speakerIds {@link Speaker#id()}s of the event's speakers
 */
public record Talk(String id, String title, @JsonProperty("abstract") String summary, List<String> speakerIds) {
    public Talk {
        speakerIds = Lists.copy(speakerIds);
    }
}
