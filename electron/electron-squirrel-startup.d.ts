declare module 'electron-squirrel-startup' {
  /** True while Squirrel.Windows runs the app to handle an install, update or uninstall event. */
  const handledSquirrelEvent: boolean;
  export default handledSquirrelEvent;
}
