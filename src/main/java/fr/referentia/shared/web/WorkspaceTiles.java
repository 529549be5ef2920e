package fr.referentia.shared.web;

import java.util.List;

/**
 * A module's contribution to each person's workspace ({@code /mon-espace}): declare a bean that returns
 * the tiles a person may use, none when their roles give them nothing in the module. The workspace page
 * gathers every bean, so a new module adds its tiles without touching the page.
 */
public interface WorkspaceTiles {

    List<WorkspaceTile> tilesFor(WorkspacePerson person);
}
