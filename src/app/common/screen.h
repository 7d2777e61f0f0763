// screen.h — what the window host (editor_app.cpp) runs: the editor of one article, the
// project view, or the adjudication view. The host owns the GLFW window, fonts and the
// event loop; a screen draws one frame at a time and says when it may close.
#pragma once

#include <chrono>
#include <optional>
#include <string>

struct ImFont;

namespace claimmark::app {

class Screen {
public:
    using Clock = std::chrono::steady_clock;
    virtual ~Screen() = default;

    virtual void draw() = 0;                // one ImGui frame, between NewFrame and Render
    virtual std::string title() const = 0;  // window title ("•" for unsaved work)

    // The text whose glyphs the fonts must hold (the article); fonts are rebuilt when the
    // zoom or this text changes.
    virtual const std::string& glyphText() const = 0;
    virtual float zoom() const = 0;
    virtual void setFonts(ImFont* ui, ImFont* text, float textSize) = 0;
    virtual void setFontWarning(std::string warning) = 0;

    virtual void requestClose() = 0;          // the window's close button or Ctrl+Q
    virtual bool closeConfirmed() const = 0;  // nothing unsaved, or the user chose
    virtual bool wantsAnotherFrame() const = 0;

    // Never losing work: autosave on a timer and when the window loses focus; look for
    // changes on disk when it gets focus back. Screens without unsaved work do nothing.
    virtual std::optional<Clock::duration> timeUntilAutosave(Clock::time_point) const { return std::nullopt; }
    virtual void autosaveIfDue(Clock::time_point) {}
    virtual void onFocusLost() {}
    virtual void onFocusGained() {}
    // Called once after a normal close (the recovery file is no longer needed).
    virtual void onClosed() {}
};

}  // namespace claimmark::app
