/**
 * Runs `task` once the next frame has been drawn: a frame's animation callbacks run before it is drawn, and a
 * task queued from one runs after it.
 */
export function afterNextFrame(task: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      task();
    };
    channel.port2.postMessage(null);
  });
}
