package cn.qualityportal;

import cn.qualityportal.system.OperatorCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Quality Target Portal (质量强区目标管理平台): policy documents, their numeric targets, yearly
 * reports and progress. Each direct sub-package is a module; {@code ModularityTests} keeps them apart.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

	public static void main(String[] args) {
		// An operator's command with the portal stopped (restore): no web server, no Spring context.
		OperatorCommands.run(args).ifPresent(System::exit);
		SpringApplication.run(PortalApplication.class, args);
	}

}
