import { defineBuild } from '../../tsup.base'

export default defineBuild()
